"""Measurements: patient fidelity, safety figures, OSCE feedback and doctor-model benchmarks."""
