"""Configuration: settings, Kafka client options, topic creation."""
