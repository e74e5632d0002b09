"""Entry kinds, enums and validation: plain Python, no Qt and no SQL."""
