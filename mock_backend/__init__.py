"""The bundled mock insurer (insurance service server 50) and two providers (license + content servers)."""
