"""The web shell: aiohttp handlers for the Twilio webhooks (`twilio_webhook`, signed),
`/healthz` and `/metrics` (`operations`), the phone simulator, and the coordinator portal
(`portal*`, templates in `templates/portal/`)."""
