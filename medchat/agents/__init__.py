"""Dialogue roles: the doctor, the patient (grounded in a persona) and the examiner."""
