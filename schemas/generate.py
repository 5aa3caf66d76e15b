#!/usr/bin/env python3
"""Generates the JSON Schemas (draft 2020-12) in this folder from the message tables below.

    python3 schemas/generate.py      # rewrites schemas/*.schema.json

Canonical schemas follow proto3 JSON as P4JSON reads it: every field under its lowerCamelCase and its original
snake_case name, `null` accepted for any field (= absent), 64-bit integers as strings or numbers, bytes as base64
(standard or URL-safe, padding optional), enums by name or number, at most one non-null member per oneof, no other
keys. Friendly schemas describe the name-based forms of docs/api-friendly-forms.md (names and P4 values are only
checked for shape here; P4Info decides the rest at decode time). Each schema is self-contained ($defs inline).
"""
import itertools
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

SCALARS = {
    "uint64": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 18446744073709551615},
                         {"type": "string", "pattern": "^(0|[1-9][0-9]*)(\\.0+)?([eE]\\+?[0-9]+)?$"}]},
    "int64": {"anyOf": [{"type": "integer"},
                        {"type": "string", "pattern": "^-?(0|[1-9][0-9]*)(\\.0+)?([eE]\\+?[0-9]+)?$"}]},
    "uint32": {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 4294967295},
                         {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}]},
    "int32": {"anyOf": [{"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
                        {"type": "string", "pattern": "^-?(0|[1-9][0-9]*)$"}]},
    "bool": {"type": "boolean"},
    "string": {"type": "string"},
    "bytes": {"type": "string", "pattern": "^[A-Za-z0-9+/_-]*={0,2}$"},
    "any": {"type": "object", "required": ["@type"], "properties": {"@type": {"type": "string", "pattern": "/"}}},
}

ENUMS = {
    "UpdateType": ["UNSPECIFIED", "INSERT", "MODIFY", "DELETE"],
    "Atomicity": ["CONTINUE_ON_ERROR", "ROLLBACK_ON_ERROR", "DATAPLANE_ATOMIC"],
    "SetPipelineAction": ["UNSPECIFIED", "VERIFY", "VERIFY_AND_SAVE", "VERIFY_AND_COMMIT", "COMMIT",
                          "RECONCILE_AND_COMMIT"],
    "ResponseType": ["ALL", "COOKIE_ONLY", "P4INFO_AND_COOKIE", "DEVICE_CONFIG_AND_COOKIE"],
    "ActionSelectionMode": ["DEFAULT_MODE_DETERMINED_BY_ACTION_SELECTOR", "HASH", "RANDOM"],
    "SizeSemantics": ["DEFAULT_SIZE_DETERMINED_BY_ACTION_SELECTOR", "SUM_OF_WEIGHTS", "SUM_OF_MEMBERS"],
    "Code": ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
             "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
             "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"],
}

# message name -> list of (snake_name, type, repeated?, oneof group or None)
def f(name, type_, repeated=False, oneof=None):
    return (name, type_, repeated, oneof)

MESSAGES = {
    "WriteRequest": [f("device_id", "uint64"), f("role_id", "uint64"), f("role", "string"),
                     f("election_id", "Uint128"), f("updates", "Update", True), f("atomicity", "enum:Atomicity")],
    "WriteResponse": [],
    "ReadRequest": [f("device_id", "uint64"), f("role", "string"), f("entities", "Entity", True)],
    "ReadResponse": [f("entities", "Entity", True)],
    "Update": [f("type", "enum:UpdateType"), f("entity", "Entity")],
    "Uint128": [f("high", "uint64"), f("low", "uint64")],
    "Entity": [f(n, t, False, "entity") for n, t in [
        ("extern_entry", "ExternEntry"), ("table_entry", "TableEntry"),
        ("action_profile_member", "ActionProfileMember"), ("action_profile_group", "ActionProfileGroup"),
        ("meter_entry", "MeterEntry"), ("direct_meter_entry", "DirectMeterEntry"), ("counter_entry", "CounterEntry"),
        ("direct_counter_entry", "DirectCounterEntry"),
        ("packet_replication_engine_entry", "PacketReplicationEngineEntry"), ("value_set_entry", "ValueSetEntry"),
        ("register_entry", "RegisterEntry"), ("digest_entry", "DigestEntry")]],
    "ExternEntry": [f("extern_type_id", "uint32"), f("extern_id", "uint32"), f("entry", "any")],
    "TableEntry": [f("table_id", "uint32"), f("match", "FieldMatch", True), f("action", "TableAction"),
                   f("priority", "int32"), f("controller_metadata", "uint64"), f("meter_config", "MeterConfig"),
                   f("counter_data", "CounterData"), f("meter_counter_data", "MeterCounterData"),
                   f("is_default_action", "bool"), f("idle_timeout_ns", "int64"),
                   f("time_since_last_hit", "IdleTimeout"), f("metadata", "bytes"), f("is_const", "bool")],
    "IdleTimeout": [f("elapsed_ns", "int64")],
    "FieldMatch": [f("field_id", "uint32"), f("exact", "Exact", False, "match"),
                   f("ternary", "Ternary", False, "match"), f("lpm", "LPM", False, "match"),
                   f("range", "Range", False, "match"), f("optional", "Exact", False, "match"),
                   f("other", "any", False, "match")],
    "Exact": [f("value", "bytes")],
    "Ternary": [f("value", "bytes"), f("mask", "bytes")],
    "LPM": [f("value", "bytes"), f("prefix_len", "int32")],
    "Range": [f("low", "bytes"), f("high", "bytes")],
    "TableAction": [f("action", "Action", False, "type"), f("action_profile_member_id", "uint32", False, "type"),
                    f("action_profile_group_id", "uint32", False, "type"),
                    f("action_profile_action_set", "ActionProfileActionSet", False, "type")],
    "Action": [f("action_id", "uint32"), f("params", "Param", True)],
    "Param": [f("param_id", "uint32"), f("value", "bytes")],
    "ActionProfileActionSet": [f("action_profile_actions", "ActionProfileAction", True),
                               f("action_selection_mode", "enum:ActionSelectionMode"),
                               f("size_semantics", "enum:SizeSemantics"), f("group_action", "Action")],
    "ActionProfileAction": [f("action", "Action"), f("weight", "int32"), f("watch", "int32", False, "watch_kind"),
                            f("watch_port", "bytes", False, "watch_kind")],
    "ActionProfileMember": [f("action_profile_id", "uint32"), f("member_id", "uint32"), f("action", "Action")],
    "ActionProfileGroup": [f("action_profile_id", "uint32"), f("group_id", "uint32"),
                           f("members", "GroupMember", True), f("max_size", "int32")],
    "GroupMember": [f("member_id", "uint32"), f("weight", "int32"), f("watch", "int32", False, "watch_kind"),
                    f("watch_port", "bytes", False, "watch_kind")],
    "Index": [f("index", "int64")],
    "MeterEntry": [f("meter_id", "uint32"), f("index", "Index"), f("config", "MeterConfig"),
                   f("counter_data", "MeterCounterData")],
    "DirectMeterEntry": [f("table_entry", "TableEntry"), f("config", "MeterConfig"),
                         f("counter_data", "MeterCounterData")],
    "MeterConfig": [f(n, "int64") for n in ("cir", "cburst", "pir", "pburst", "eburst")],
    "CounterEntry": [f("counter_id", "uint32"), f("index", "Index"), f("data", "CounterData")],
    "DirectCounterEntry": [f("table_entry", "TableEntry"), f("data", "CounterData")],
    "CounterData": [f("byte_count", "int64"), f("packet_count", "int64")],
    "MeterCounterData": [f("green", "CounterData"), f("yellow", "CounterData"), f("red", "CounterData")],
    "PacketReplicationEngineEntry": [f("multicast_group_entry", "MulticastGroupEntry", False, "type"),
                                     f("clone_session_entry", "CloneSessionEntry", False, "type")],
    "Replica": [f("egress_port", "uint32", False, "port_kind"), f("port", "bytes", False, "port_kind"),
                f("instance", "uint32"), f("backup_replicas", "BackupReplica", True)],
    "BackupReplica": [f("port", "bytes"), f("instance", "uint32")],
    "MulticastGroupEntry": [f("multicast_group_id", "uint32"), f("replicas", "Replica", True),
                            f("metadata", "bytes")],
    "CloneSessionEntry": [f("session_id", "uint32"), f("replicas", "Replica", True),
                          f("class_of_service", "uint32"), f("packet_length_bytes", "int32")],
    "ValueSetMember": [f("match", "FieldMatch", True)],
    "ValueSetEntry": [f("value_set_id", "uint32"), f("members", "ValueSetMember", True)],
    "RegisterEntry": [f("register_id", "uint32"), f("index", "Index"), f("data", "P4Data")],
    "DigestEntry": [f("digest_id", "uint32"), f("config", "DigestConfig")],
    "DigestConfig": [f("max_timeout_ns", "int64"), f("max_list_size", "int32"), f("ack_timeout_ns", "int64")],
    "P4Data": [f(n, t, False, "data") for n, t in [
        ("bitstring", "bytes"), ("varbit", "P4Varbit"), ("bool", "bool"), ("tuple", "P4StructLike"),
        ("struct", "P4StructLike"), ("header", "P4Header"), ("header_union", "P4HeaderUnion"),
        ("header_stack", "P4HeaderStack"), ("header_union_stack", "P4HeaderUnionStack"), ("enum", "string"),
        ("error", "string"), ("enum_value", "bytes")]],
    "P4Varbit": [f("bitstring", "bytes"), f("bitwidth", "int32")],
    "P4StructLike": [f("members", "P4Data", True)],
    "P4Header": [f("is_valid", "bool"), f("bitstrings", "bytes", True)],
    "P4HeaderUnion": [f("valid_header_name", "string"), f("valid_header", "P4Header")],
    "P4HeaderStack": [f("entries", "P4Header", True)],
    "P4HeaderUnionStack": [f("entries", "P4HeaderUnion", True)],
    "SetForwardingPipelineConfigRequest": [f("device_id", "uint64"), f("role_id", "uint64"), f("role", "string"),
                                           f("election_id", "Uint128"), f("action", "enum:SetPipelineAction"),
                                           f("config", "ForwardingPipelineConfig")],
    "SetForwardingPipelineConfigResponse": [],
    "ForwardingPipelineConfig": [f("p4info", "P4Info"), f("p4_device_config", "bytes"), f("cookie", "Cookie")],
    "Cookie": [f("cookie", "uint64")],
    "GetForwardingPipelineConfigRequest": [f("device_id", "uint64"), f("response_type", "enum:ResponseType")],
    "GetForwardingPipelineConfigResponse": [f("config", "ForwardingPipelineConfig")],
    "CapabilitiesRequest": [f("device_id", "uint64")],
    "CapabilitiesResponse": [f("p4runtime_api_version", "string"), f("experimental", "any")],
    "StreamMessageRequest": [f("arbitration", "MasterArbitrationUpdate", False, "update"),
                             f("packet", "PacketOut", False, "update"),
                             f("digest_ack", "DigestListAck", False, "update"), f("other", "any", False, "update")],
    "StreamMessageResponse": [f("arbitration", "MasterArbitrationUpdate", False, "update"),
                              f("packet", "PacketOut", False, "update"), f("digest", "DigestList", False, "update"),
                              f("idle_timeout_notification", "IdleTimeoutNotification", False, "update"),
                              f("other", "any", False, "update"), f("error", "StreamError", False, "update")],
    "MasterArbitrationUpdate": [f("device_id", "uint64"), f("role", "Role"), f("election_id", "Uint128"),
                                f("status", "RpcStatus")],
    "Role": [f("id", "uint64"), f("name", "string"), f("config", "any")],
    "RpcStatus": [f("code", "code"), f("message", "string"), f("details", "any", True)],
    "PacketOut": [f("payload", "bytes"), f("metadata", "PacketMetadata", True)],
    "PacketMetadata": [f("metadata_id", "uint32"), f("value", "bytes")],
    "DigestListAck": [f("digest_id", "uint32"), f("list_id", "uint64")],
    "DigestList": [f("digest_id", "uint32"), f("list_id", "uint64"), f("data", "P4Data", True),
                   f("timestamp", "int64")],
    "IdleTimeoutNotification": [f("table_entry", "TableEntry", True), f("timestamp", "int64")],
    "StreamError": [f("canonical_code", "code"), f("message", "string"), f("space", "string"), f("code", "int32"),
                    f("packet_out", "PacketOutError", False, "details"),
                    f("digest_list_ack", "DigestListAckError", False, "details"),
                    f("other", "StreamOtherError", False, "details")],
    "PacketOutError": [f("packet_out", "PacketOut")],
    "DigestListAckError": [f("digest_list_ack", "DigestListAck")],
    "StreamOtherError": [f("other", "any")],
    "Status": [f("code", "code"), f("message", "string"), f("details", "P4ErrorAny", True)],
}


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def type_schema(type_):
    if type_.startswith("enum:"):
        return {"anyOf": [{"enum": ENUMS[type_[5:]]}, {"type": "integer"}]}
    if type_ == "code":
        return {"anyOf": [{"type": "integer", "minimum": 0, "maximum": 16}, {"enum": ENUMS["Code"]}]}
    if type_ in SCALARS:
        return {"$ref": "#/$defs/" + type_}
    return {"$ref": "#/$defs/" + type_}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def message_schema(fields):
    properties = {}
    groups = {}
    for name, type_, repeated, oneof in fields:
        schema = type_schema(type_)
        if repeated:
            schema = {"type": "array", "items": schema}
        for key in sorted({name, camel(name)}):
            properties[key] = nullable(schema)
        if oneof:
            groups.setdefault(oneof, []).append(name)
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    dependent = {}
    for members in groups.values():
        dependent.update(oneof_rule([sorted({m, camel(m)}) for m in members]))
    if dependent:
        result["dependentSchemas"] = dependent
    return result


def oneof_rule(members):
    """`dependentSchemas` allowing at most one non-null member of a oneof; `members` lists each member's
    spellings."""
    rules = {}
    for index, spellings in enumerate(members):
        others = [key for other, keys in enumerate(members) if other != index for key in keys]
        for key in spellings:
            rules[key] = {"anyOf": [{"properties": {key: {"type": "null"}}},
                                    {"properties": {other: {"type": "null"} for other in others}}]}
    return rules


def canonical_defs():
    defs = {name: schema for name, schema in SCALARS.items()}
    for name, fields in MESSAGES.items():
        defs[name] = message_schema(fields)
    defs["P4ErrorAny"] = {
        "type": "object", "required": ["@type"], "additionalProperties": False,
        "properties": {
            "@type": {"const": "type.googleapis.com/p4.v1.Error"},
            "canonicalCode": nullable(type_schema("code")), "canonical_code": nullable(type_schema("code")),
            "message": nullable({"type": "string"}), "space": nullable({"type": "string"}),
            "code": nullable(type_schema("int32")), "details": nullable({"$ref": "#/$defs/any"})}}
    # P4Info is checked by P4Model's decoder; the schema only requires an object.
    defs["P4Info"] = {"type": "object"}
    return defs


FRIENDLY_VALUE = {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}, {"type": "boolean"},
                            {"type": "null"}]}
NAME = {"anyOf": [{"type": "string", "minLength": 1}, {"type": "integer", "minimum": 0}]}


def friendly_defs():
    defs = canonical_defs()
    values = {"type": "object", "additionalProperties": FRIENDLY_VALUE}
    weighted = {"type": "object", "additionalProperties": False, "required": ["action"], "properties": {
        "action": NAME, "params": values, "weight": type_schema("int32"), "watchPort": FRIENDLY_VALUE,
        "watch_port": FRIENDLY_VALUE}}
    table_entry = {"type": "object", "additionalProperties": False, "properties": {
        "table": NAME, "match": values, "action": NAME, "params": values, "member": type_schema("uint32"),
        "group": type_schema("uint32"), "actions": {"type": "array", "items": weighted},
        "priority": type_schema("int32"), "controllerMetadata": type_schema("uint64"),
        "controller_metadata": type_schema("uint64"), "meterConfig": {"$ref": "#/$defs/MeterConfig"},
        "meter_config": {"$ref": "#/$defs/MeterConfig"}, "counterData": {"$ref": "#/$defs/CounterData"},
        "counter_data": {"$ref": "#/$defs/CounterData"}, "meterCounterData": {"$ref": "#/$defs/MeterCounterData"},
        "meter_counter_data": {"$ref": "#/$defs/MeterCounterData"}, "isDefaultAction": {"type": "boolean"},
        "is_default_action": {"type": "boolean"}, "idleTimeoutNs": type_schema("int64"),
        "idle_timeout_ns": type_schema("int64"), "timeSinceLastHit": {"$ref": "#/$defs/IdleTimeout"},
        "time_since_last_hit": {"$ref": "#/$defs/IdleTimeout"}, "metadata": {"type": "string"},
        "metadataBase64": {"$ref": "#/$defs/bytes"}, "isConst": {"type": "boolean"}, "is_const": {"type": "boolean"}},
        "not": {"anyOf": [{"required": [a, b]} for a, b in itertools.combinations(
            ["action", "member", "group", "actions"], 2)]}}
    defs["FriendlyTableEntry"] = table_entry
    defs["FriendlyMember"] = {"type": "object", "additionalProperties": False, "properties": {
        "actionProfile": NAME, "action_profile": NAME, "memberId": type_schema("uint32"),
        "member_id": type_schema("uint32"), "action": NAME, "params": values}}
    group_member = {"type": "object", "additionalProperties": False, "properties": {
        "memberId": type_schema("uint32"), "member_id": type_schema("uint32"), "weight": type_schema("int32"),
        "watchPort": FRIENDLY_VALUE, "watch_port": FRIENDLY_VALUE}}
    defs["FriendlyGroup"] = {"type": "object", "additionalProperties": False, "properties": {
        "actionProfile": NAME, "action_profile": NAME, "groupId": type_schema("uint32"),
        "group_id": type_schema("uint32"), "members": {"type": "array", "items": group_member},
        "maxSize": type_schema("int32"), "max_size": type_schema("int32")}}
    defs["FriendlyCounter"] = {"type": "object", "additionalProperties": False, "properties": {
        "counter": NAME, "index": type_schema("int64"), "data": {"$ref": "#/$defs/CounterData"}}}
    defs["FriendlyMeter"] = {"type": "object", "additionalProperties": False, "properties": {
        "meter": NAME, "index": type_schema("int64"), "config": {"$ref": "#/$defs/MeterConfig"},
        "counterData": {"$ref": "#/$defs/MeterCounterData"}, "counter_data": {"$ref": "#/$defs/MeterCounterData"}}}
    defs["FriendlyDirectCounter"] = {"type": "object", "additionalProperties": False, "properties": {
        "table": NAME, "match": values, "priority": type_schema("int32"), "data": {"$ref": "#/$defs/CounterData"}}}
    defs["FriendlyDirectMeter"] = {"type": "object", "additionalProperties": False, "properties": {
        "table": NAME, "match": values, "priority": type_schema("int32"), "config": {"$ref": "#/$defs/MeterConfig"},
        "counterData": {"$ref": "#/$defs/MeterCounterData"}}}
    defs["FriendlyRegister"] = {"type": "object", "additionalProperties": False, "properties": {
        "register": NAME, "index": type_schema("int64"), "value": True, "data": {"$ref": "#/$defs/P4Data"}}}
    defs["FriendlyDigest"] = {"type": "object", "additionalProperties": False, "properties": {
        "digest": NAME, "config": {"$ref": "#/$defs/DigestConfig"}}}
    kinds = {"tableEntry": "FriendlyTableEntry", "actionProfileMember": "FriendlyMember",
             "actionProfileGroup": "FriendlyGroup", "counterEntry": "FriendlyCounter",
             "directCounterEntry": "FriendlyDirectCounter", "meterEntry": "FriendlyMeter",
             "directMeterEntry": "FriendlyDirectMeter", "registerEntry": "FriendlyRegister",
             "digestEntry": "FriendlyDigest", "packetReplicationEngineEntry": "PacketReplicationEngineEntry",
             "valueSetEntry": "ValueSetEntry", "externEntry": "ExternEntry"}
    entity_props = {}
    for key, ref in kinds.items():
        for spelling in sorted({key, snake(key)}):
            entity_props[spelling] = nullable({"$ref": "#/$defs/" + ref})
    defs["FriendlyEntity"] = {"type": "object", "additionalProperties": False, "properties": entity_props,
                              "dependentSchemas": oneof_rule([sorted({k, snake(k)}) for k in kinds])}
    defs["FriendlyUpdate"] = {"type": "object", "additionalProperties": False, "properties": {
        "type": type_schema("enum:UpdateType"), "entity": {"$ref": "#/$defs/FriendlyEntity"}}}
    return defs


def snake(name):
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def references(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                yield value[len("#/$defs/"):]
            else:
                yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def document(title, description, root, defs):
    """A self-contained schema: `root` plus the definitions it reaches."""
    needed = set()
    pending = list(references(root))
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(references(defs[name]))
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://p4rtd.invalid/schemas/" + title + ".schema.json",
              "title": title, "description": description}
    schema.update(root)
    schema["$defs"] = {name: defs[name] for name in defs if name in needed}
    return schema


CANONICAL = [
    ("write-request", "p4.v1.WriteRequest (POST /v1/write)", "WriteRequest"),
    ("write-response", "p4.v1.WriteResponse: {} on success", "WriteResponse"),
    ("read-request", "p4.v1.ReadRequest (POST /v1/read)", "ReadRequest"),
    ("read-response", "p4.v1.ReadResponse", "ReadResponse"),
    ("bulk-update-line", "One line of the bulk NDJSON write body: a p4.v1.Update", "Update"),
    ("set-pipeline-request", "p4.v1.SetForwardingPipelineConfigRequest (PUT /v1/pipeline)",
     "SetForwardingPipelineConfigRequest"),
    ("set-pipeline-response", "p4.v1.SetForwardingPipelineConfigResponse: {}", "SetForwardingPipelineConfigResponse"),
    ("get-pipeline-request", "p4.v1.GetForwardingPipelineConfigRequest", "GetForwardingPipelineConfigRequest"),
    ("get-pipeline-response", "p4.v1.GetForwardingPipelineConfigResponse (GET /v1/pipeline)",
     "GetForwardingPipelineConfigResponse"),
    ("capabilities-request", "p4.v1.CapabilitiesRequest", "CapabilitiesRequest"),
    ("capabilities-response", "p4.v1.CapabilitiesResponse (GET /v1/capabilities)", "CapabilitiesResponse"),
    ("stream-message-request", "p4.v1.StreamMessageRequest (arbitration, packet-out, digest ack)",
     "StreamMessageRequest"),
    ("stream-message-response", "p4.v1.StreamMessageResponse (events)", "StreamMessageResponse"),
    ("status", "google.rpc.Status with Any-packed p4.v1.Error details: the body of every failed RPC", "Status"),
]


def main():
    canonical = canonical_defs()
    for title, description, message in CANONICAL:
        write(title, document(title, description, {"$ref": "#/$defs/" + message}, canonical))
    line = {"anyOf": [{"$ref": "#/$defs/ReadResponse"}, {
        "type": "object", "required": ["status"], "additionalProperties": False,
        "properties": {"status": {"$ref": "#/$defs/Status"}}}]}
    write("read-stream-line", document(
        "read-stream-line", "One NDJSON line of a streamed read: a ReadResponse with one entity, or the final status",
        line, canonical))
    friendly = friendly_defs()
    write("friendly-entity", document(
        "friendly-entity", "A name-based entity (docs/api-friendly-forms.md)", {"$ref": "#/$defs/FriendlyEntity"},
        friendly))
    write("friendly-table-entry", document(
        "friendly-table-entry", "A name-based table entry", {"$ref": "#/$defs/FriendlyTableEntry"}, friendly))
    header = {k: nullable(v) for k, v in {
        "deviceId": type_schema("uint64"), "device_id": type_schema("uint64"), "role": {"type": "string"},
        "electionId": {"$ref": "#/$defs/Uint128"}, "election_id": {"$ref": "#/$defs/Uint128"},
        "atomicity": type_schema("enum:Atomicity")}.items()}
    write("friendly-write-request", document(
        "friendly-write-request", "A write request whose updates hold name-based entities",
        {"type": "object", "additionalProperties": False, "properties": dict(header, updates={
            "type": "array", "items": {"$ref": "#/$defs/FriendlyUpdate"}})}, friendly))
    read_header = {k: v for k, v in header.items() if k in ("deviceId", "device_id", "role")}
    entities = {"type": "array", "items": {"$ref": "#/$defs/FriendlyEntity"}}
    write("friendly-read-request", document(
        "friendly-read-request", "A read request with name-based entity patterns",
        {"type": "object", "additionalProperties": False, "properties": dict(read_header, entities=entities)},
        friendly))
    write("friendly-read-response", document(
        "friendly-read-response", "The name-based answer of a read",
        {"type": "object", "additionalProperties": False, "properties": {"entities": entities}}, friendly))
    profile = {"type": "object", "additionalProperties": False, "required": ["profile", "seconds"], "properties": {
        "profile": {"type": "integer", "minimum": 0, "maximum": 65535},
        "seconds": {"type": "integer", "minimum": 1, "maximum": 4294967295},
        "name": {"type": "string"}}}
    write("learner-timeouts", document(
        "learner-timeouts", "Expire-time profiles of an add-on-miss table: the body and the answer of "
        "GET/PUT /v1/tables/{table}/timeouts",
        {"type": "object", "additionalProperties": False, "required": ["timeouts"], "properties": {
            "table": {"type": "string"}, "timeouts": {"type": "array", "minItems": 1, "items": profile}}}, {}))


def write(title, schema):
    with open(os.path.join(HERE, title + ".schema.json"), "w") as out:
        json.dump(schema, out, separators=(",", ":"))
        out.write("\n")


if __name__ == "__main__":
    main()
