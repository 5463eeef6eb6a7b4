"""briefgen: briefing notes with every line attributed, from news articles."""

__version__ = "0.1.0"
