"""Leerroute's catalog: vocabulary, courses, funding schemes, lokets, and the route engine."""
