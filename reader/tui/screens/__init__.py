"""Screens of the newsprism interface."""
