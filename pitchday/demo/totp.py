"""Print the demo hub admin's current two-step code: ``.venv/bin/python -m pitchday.demo.totp``."""

import pyotp

from .foundation import DEMO_TOTP_SECRET

if __name__ == "__main__":
    print(pyotp.TOTP(DEMO_TOTP_SECRET).now())
