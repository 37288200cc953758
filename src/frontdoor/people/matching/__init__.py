"""Identity resolution: find the right person in the index, never the wrong one (issue 4).

Pure Python and Splink; nothing here imports Django, so the database layer feeds it plain dicts.
"""
