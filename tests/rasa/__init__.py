"""Tests that run in Rasa's own environment (.venv-rasa): see conftest.py."""
