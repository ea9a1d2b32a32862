"""Leerroute's custom actions (rasa-sdk). They call catalog_db; they never open a session themselves."""
