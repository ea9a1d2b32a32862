"""Leerroute's web page: the chat for low-literacy users, served by aiohttp, talking to Rasa's
REST channel on localhost (same origin for the browser; Rasa is never exposed)."""
