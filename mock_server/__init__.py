"""A local, stateful sandbox of Uber's Guest Rides API, driven by its OpenAPI document."""

__version__ = "0.1.0"
