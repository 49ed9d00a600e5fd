"""The Gradio app: callbacks that translate between the person and the services."""
