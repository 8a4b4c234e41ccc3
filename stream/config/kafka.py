"""Kafka client options (bootstrap, SASL, TLS) for aiokafka and Faust, from Settings."""

from __future__ import annotations

import ssl
from typing import Any

import faust

from stream.config.settings import ConfigError, Settings

__all__ = ["client_options", "faust_credentials", "ssl_context"]


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL and SASL_SSL; a CA or key file that does not load is a ConfigError."""
    if settings.security_protocol not in ("SSL", "SASL_SSL"):
        return None
    cafile = settings.ssl_cafile
    try:
        context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    except (ssl.SSLError, OSError) as exc:
        raise ConfigError(f"NEWSEVENTS_SSL_CAFILE={cafile}: not a CA certificate file ({exc})") from exc
    if settings.ssl_certfile:
        password = settings.ssl_key_password.get_secret_value() if settings.ssl_key_password else None
        try:
            context.load_cert_chain(
                str(settings.ssl_certfile),
                str(settings.ssl_keyfile) if settings.ssl_keyfile else None,
                password,
            )
        except (ssl.SSLError, OSError) as exc:
            files = f"NEWSEVENTS_SSL_CERTFILE={settings.ssl_certfile}"
            if settings.ssl_keyfile:
                files += f" with NEWSEVENTS_SSL_KEYFILE={settings.ssl_keyfile}"
            raise ConfigError(f"{files}: not a certificate and its key ({exc})") from exc
    return context


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments shared by aiokafka producers, consumers and admin clients."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "security_protocol": settings.security_protocol,
    }
    context = ssl_context(settings)
    if context is not None:
        options["ssl_context"] = context
    if settings.security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = settings.sasl_mechanism or "PLAIN"
        options["sasl_plain_username"] = settings.sasl_username
        options["sasl_plain_password"] = (
            settings.sasl_password.get_secret_value() if settings.sasl_password else None
        )
    return options


def faust_credentials(settings: Settings) -> Any:
    """faust.SASLCredentials / faust.SSLCredentials, or None for PLAINTEXT."""
    context = ssl_context(settings)
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password.get_secret_value() if settings.sasl_password else None,
            mechanism=settings.sasl_mechanism or "PLAIN",
            ssl_context=context,
        )
    if context is not None:
        return faust.SSLCredentials(context)
    return None
