"""The gallery's demo apps: each module here is an app script to run (``nbapp run``), not to import."""
