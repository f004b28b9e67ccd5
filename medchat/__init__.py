"""MedChat: a doctor-patient dialogue simulator with PII scrubbing and a medical safety filter."""

__version__ = "0.1.0"
