"""The community-policing desk."""

__version__ = "0.1.0"
