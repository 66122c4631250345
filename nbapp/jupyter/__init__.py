"""Jupyter integration: the ``%%app`` magic and the kernel-side session of each app."""
