"""The action property that names a command in the built-in guide's shortcut table.

For actions whose text changes as they are used: Undo reads "Undo Edit walk" after an
edit, and the guide listed that instead of "Undo". Its own module, so the window can set
it without importing the guide (which is off the start path).
"""

GUIDE_NAME = "guide_name"
