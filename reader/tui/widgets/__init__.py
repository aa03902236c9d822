"""Widgets of the newsprism interface."""
