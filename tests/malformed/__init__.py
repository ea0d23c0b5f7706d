"""Support code and data for the robustness tests (issue 9)."""
