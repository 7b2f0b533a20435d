"""A subject-access export (`export.export_person`) as a FHIR R4 Bundle.

Only the clinically coded part: the person as Patient, measurements and smoking status
as Observations (LOINC/SNOMED), goals and consents. Everything else is in the JSON.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from companion.db.states import ConsentStatus, PersonStatus
from companion.records import fhir_export as fhir

SNOMED = "http://snomed.info/sct"
SMOKING_STATUS = ("72166-2", "Tobacco smoking status")
SMOKER = {True: ("77176002", "Smoker"), False: ("8392000", "Non-smoker")}
_NAMESPACE = uuid.UUID("2b0f8f5e-8d3c-4a41-9b1e-6f0d3c9a5e27")
CONSENT_STATUS = {
    ConsentStatus.ASKED: "proposed",
    ConsentStatus.ACTIVE: "active",
    ConsentStatus.DECLINED: "rejected",
    ConsentStatus.WITHDRAWN: "inactive",
    ConsentStatus.LAPSED: "inactive",
}


def export_fhir(data: Mapping[str, Any]) -> dict[str, Any]:
    """The clinically coded part of an export as a FHIR R4 Bundle of type `collection`.

    Patient (with their number: it is their own data), measurements, smoking status,
    goals and consents, coded as in `fhir_export`. Everything else is only in the JSON.
    """
    person_id = data["person"]["id"]
    patient = _ref("person", person_id)
    resources: list[tuple[str, dict[str, Any]]] = [(patient, _patient(data["person"]))]
    for index, item in enumerate(data["observations"]):
        resource = _observation(item, patient)
        if resource is not None:
            resources.append((_ref("observation", f"{person_id}/{index}"), resource))
    for index, goal in enumerate(data["goals"]):
        resources.append((_ref("goal", f"{person_id}/{index}"), _goal(goal, patient)))
    for consent in data["consents"]:
        resources.append((_ref("consent", consent["id"]), _consent(consent, patient)))
    return {
        "resourceType": "Bundle",
        "id": _ref("export", f"{person_id}/{data['exported_at']}").removeprefix("urn:uuid:"),
        "type": "collection",
        "timestamp": data["exported_at"],
        "entry": [
            {"fullUrl": url, "resource": {"id": url.removeprefix("urn:uuid:"), **resource}}
            for url, resource in resources
        ],
    }


def _patient(profile: Mapping[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "active": profile["status"] == PersonStatus.ACTIVE,
        "telecom": [{"system": "sms", "value": profile["phone"], "use": "mobile"}],
        "communication": [{"language": {"coding": [{"code": profile["locale"]}]}}],
    }
    if profile["name"]:
        resource["name"] = [{"text": profile["name"]}]
    return resource


def _observation(item: Mapping[str, Any], patient: str) -> dict[str, Any] | None:
    key, value = item["key"], item["value"]
    base: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [_concept(fhir.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")],
        "subject": {"reference": patient},
        "effectiveDateTime": item["recorded_at"],
    }
    if key == "smokes" and isinstance(value, bool):
        social = _concept(fhir.OBSERVATION_CATEGORY, "social-history", "Social History")
        return {
            **base,
            "category": [social],
            "code": _concept(fhir.LOINC, *SMOKING_STATUS),
            "valueCodeableConcept": _concept(SNOMED, *SMOKER[value]),
        }
    if key == "bp" and isinstance(value, Mapping):
        parts = [
            {"code": _concept(fhir.LOINC, code, name), "valueQuantity": _mmhg(value[part])}
            for part, (code, name) in fhir.BP_PARTS.items()
        ]
        return {**base, "code": _concept(fhir.LOINC, *fhir.BP_PANEL), "component": parts}
    if key in fhir.MEASURES and isinstance(value, int | float) and not isinstance(value, bool):
        code, name, unit = fhir.MEASURES[key]
        concept = _concept(fhir.LOINC, code, name) if code else {"text": name}
        quantity = {"value": value, "unit": unit, "system": fhir.UCUM, "code": unit}
        return {**base, "code": concept, "valueQuantity": quantity}
    return None


def _goal(goal: Mapping[str, Any], patient: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        # A goal ends only when the person sets another: set aside, not known to be met.
        "lifecycleStatus": "active" if goal["ended_at"] is None else "cancelled",
        "description": {"text": goal["text"]},
        "subject": {"reference": patient},
        "startDate": goal["set_at"][:10],
    }
    if goal["ended_at"] is not None:
        resource["statusDate"] = goal["ended_at"][:10]
    return resource


def _consent(consent: Mapping[str, Any], patient: str) -> dict[str, Any]:
    provision: dict[str, Any] = {
        "type": "permit",
        "code": [_concept(fhir.SHARE_CATEGORY, share, None) for share in consent["shares"]],
    }
    if consent["given_at"] is not None:
        provision["period"] = {"start": consent["given_at"]}
        if consent["ended_at"] is not None:
            provision["period"]["end"] = consent["ended_at"]
    coordinator = consent["coordinator"]
    return {
        "resourceType": "Consent",
        "status": CONSENT_STATUS.get(consent["status"], "inactive"),
        "scope": _concept(fhir.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"),
        "category": [_concept(fhir.LOINC, "59284-0", "Patient Consent")],
        "patient": {"reference": patient},
        "dateTime": consent["asked_at"],
        "performer": [{"reference": patient}],
        "organization": [{"display": f"{coordinator['name']} ({coordinator['team']})"}],
        "policyRule": _concept(fhir.ACT_CODE, "OPTIN", "opt-in"),
        "provision": provision,
    }


def _concept(system: str, code: str, display: str | None) -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display is not None:
        coding["display"] = display
    return {"coding": [coding]}


def _mmhg(value: float) -> dict[str, Any]:
    return {"value": value, "unit": "mmHg", "system": fhir.UCUM, "code": "mm[Hg]"}


def _ref(kind: str, key: str) -> str:
    """A stable urn:uuid, so exporting the same data twice gives the same resource ids."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{kind}/{key}')}"
