"""Analysis: pure Python over entries (no Qt, no SQL), shared by charts, report and CLI."""
