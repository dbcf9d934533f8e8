"""The hub's local camps."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class Camp(db.Model):
    __tablename__ = "camps"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    city: Mapped[str] = mapped_column(sa.String(120))
    # Comma-separated sector slugs (see pitchday.sectors); kept as text so it reads the same on every database.
    sector_slugs: Mapped[str] = mapped_column(sa.String(500), default="")
    description_de: Mapped[str] = mapped_column(sa.Text, default="")
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    address: Mapped[str] = mapped_column(sa.String(300), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(254), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(60), default="")
    is_home: Mapped[bool] = mapped_column(default=False)

    @property
    def sectors(self) -> list[str]:
        return [s for s in self.sector_slugs.split(",") if s]

    def description(self, locale: str) -> str:
        return self.description_en if locale == "en" and self.description_en else self.description_de

    def __repr__(self) -> str:
        return f"<Camp {self.slug}>"
