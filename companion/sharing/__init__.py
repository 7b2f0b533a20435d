"""Sharing with a professional: consent as a record, share codes, the weekly HPKE-sealed
summaries, and the caseload a coordinator sees.

Entry points: `consent.share` / `answer` / `unshare` (SHARE, YES, UNSHARE),
`share_codes.new_share_code`, `summaries.summary_sweep` (seal each consented week),
`caseload.sharing_people` / `open_summary` (the portal's reads), `care_notes.record_note`
(a coordinator's medicine change or appointment, asked of the person by SMS).
"""

__all__ = ["care_notes", "caseload", "consent", "share_codes", "summaries", "summary_batch"]
