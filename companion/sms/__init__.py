"""SMS: the gateway protocol with its Twilio and simulator gateways, carrier keywords
(STOP, START, HELP), phone numbers in E.164, GSM-7/UCS-2 segment counting, and a local
fake of Twilio's REST API (`fake_twilio`, `twilio_forms`) for tests and benchmarks."""
