"""Development tools: the embedded broker, `dev`, client helpers, input reading, rendering."""
