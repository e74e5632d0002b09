"""Walks recorded by devices: GPX tracks, Garmin TCX activities, Apple Health workouts."""
