"""How long conversations and their exports live: deleting one, and the retention period.

`exports` keeps each conversation's exports in a folder named after it, so deleting the
conversation can delete them (and Gradio's copy); `retention` removes what is older than the
period an operator configured, at start and daily.
"""
