"""Rules about accounts, the hub's administration and public pages."""

from .core import rule


@rule("public", public=True)
def public(user, **_objects):
    return True


@rule("anonymous_only", public=True)
def anonymous_only(user, **_objects):
    """Sign-up and log-in pages: also open to a link-scoped session, which counts as anonymous there."""
    return True


@rule("authenticated")
def authenticated(user, **_objects):
    return True


@rule("hub_admin")
def hub_admin(user, **_objects):
    return user.is_hub_admin
