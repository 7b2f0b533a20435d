"""Cryptography: the data keyring, AES-GCM field sealing bound to table, column and row,
the blind index that finds a phone number, HPKE summaries to a coordinator's key, their
passphrase-wrapped private keys, passwords and TOTP."""
