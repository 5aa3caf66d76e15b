"""Contract between p4rtd's JSON and P4Runtime's own Python bindings.

    generate OUT      write one JSON line per message: {"type": <proto name>, "json": <MessageToJson text>}
    check IN          IN has lines {"type", "json", "ours"}: every "ours" must json_format.Parse into a message
                      equal to the one parsed from "json" (and re-print identically)

Run with PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python (the p4runtime wheel ships old-style generated code).
The messages cover every Entity kind, the request/response pairs of every RPC, the stream messages and
google.rpc.Status with p4.v1.Error details, in both key spellings.
"""
import json
import sys

from google.protobuf import json_format
from google.rpc import code_pb2, status_pb2
from p4.config.v1 import p4info_pb2
from p4.v1 import p4runtime_pb2 as p4

TYPES = {
    "p4.v1.WriteRequest": p4.WriteRequest,
    "p4.v1.WriteResponse": p4.WriteResponse,
    "p4.v1.ReadRequest": p4.ReadRequest,
    "p4.v1.ReadResponse": p4.ReadResponse,
    "p4.v1.SetForwardingPipelineConfigRequest": p4.SetForwardingPipelineConfigRequest,
    "p4.v1.SetForwardingPipelineConfigResponse": p4.SetForwardingPipelineConfigResponse,
    "p4.v1.GetForwardingPipelineConfigRequest": p4.GetForwardingPipelineConfigRequest,
    "p4.v1.GetForwardingPipelineConfigResponse": p4.GetForwardingPipelineConfigResponse,
    "p4.v1.CapabilitiesRequest": p4.CapabilitiesRequest,
    "p4.v1.CapabilitiesResponse": p4.CapabilitiesResponse,
    "p4.v1.StreamMessageRequest": p4.StreamMessageRequest,
    "p4.v1.StreamMessageResponse": p4.StreamMessageResponse,
    "google.rpc.Status": status_pb2.Status,
}


def bs(value):
    """Canonical P4Runtime bytestring of a non-negative integer."""
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")


def table_entry(entry, table_id=0x02000001):
    entry.table_id = table_id
    entry.match.add(field_id=1).exact.value = bs(0x0A000001)
    ternary = entry.match.add(field_id=2).ternary
    ternary.value, ternary.mask = bs(0x0800), bs(0xFFFF)
    lpm = entry.match.add(field_id=3).lpm
    lpm.value, lpm.prefix_len = bs(0x0A000000), 8
    rng = entry.match.add(field_id=4).range
    rng.low, rng.high = bs(1000), bs(2000)
    entry.match.add(field_id=5).optional.value = bs(0)
    action = entry.action.action
    action.action_id = 0x01000001
    action.params.add(param_id=1, value=bs(0x001122334455))
    entry.priority = 10
    entry.controller_metadata = 2**64 - 1
    entry.idle_timeout_ns = 1_000_000_000
    entry.metadata = b"cookie"
    return entry


def write_requests():
    result = []
    w = p4.WriteRequest(device_id=1, role="sdn", atomicity=p4.WriteRequest.ROLLBACK_ON_ERROR)
    w.election_id.high, w.election_id.low = 1, 2**64 - 1
    table_entry(w.updates.add(type=p4.Update.INSERT).entity.table_entry)
    te = w.updates.add(type=p4.Update.MODIFY).entity.table_entry
    te.table_id, te.is_default_action = 0x02000001, True
    te.action.action.action_id = 0x01000002
    te.meter_config.cir, te.meter_config.cburst, te.meter_config.pir, te.meter_config.pburst = 1, 2, 3, 4
    te.meter_config.eburst = 5
    te.counter_data.byte_count, te.counter_data.packet_count = 100, 1
    te.meter_counter_data.green.packet_count = 7
    te.meter_counter_data.red.SetInParent()
    te2 = w.updates.add(type=p4.Update.INSERT).entity.table_entry
    te2.table_id = 0x02000002
    te2.match.add(field_id=1).exact.value = bs(7)
    aset = te2.action.action_profile_action_set
    aset.action_selection_mode = p4.ActionProfileActionSet.HASH
    aset.size_semantics = p4.ActionProfileActionSet.SUM_OF_MEMBERS
    for port, weight in ((1, 1), (2, 3)):
        a = aset.action_profile_actions.add(weight=weight, watch_port=bs(port))
        a.action.action_id = 0x01000001
        a.action.params.add(param_id=1, value=bs(port))
    aset.action_profile_actions.add(weight=1, watch=4).action.action_id = 0x01000001
    te3 = w.updates.add(type=p4.Update.INSERT).entity.table_entry
    te3.table_id = 0x02000002
    te3.action.action_profile_member_id = 0
    te4 = w.updates.add(type=p4.Update.DELETE).entity.table_entry
    te4.table_id = 0x02000002
    te4.action.action_profile_group_id = 9
    m = w.updates.add(type=p4.Update.INSERT).entity.action_profile_member
    m.action_profile_id, m.member_id = 0x11000001, 1
    m.action.action_id = 0x01000001
    m.action.params.add(param_id=1, value=b"\x00\x01")
    g = w.updates.add(type=p4.Update.INSERT).entity.action_profile_group
    g.action_profile_id, g.group_id, g.max_size = 0x11000001, 10, 128
    g.members.add(member_id=1, weight=1)
    g.members.add(member_id=2, weight=2, watch=3)
    g.members.add(member_id=3, weight=1, watch_port=b"")
    me = w.updates.add(type=p4.Update.MODIFY).entity.meter_entry
    me.meter_id = 0x14000001
    me.index.index = 0
    me.config.cir = 10
    dme = w.updates.add(type=p4.Update.MODIFY).entity.direct_meter_entry
    table_entry(dme.table_entry, 0x02000003)
    dme.config.SetInParent()
    ce = w.updates.add(type=p4.Update.MODIFY).entity.counter_entry
    ce.counter_id, ce.index.index = 0x12000001, 5
    ce.data.SetInParent()
    dce = w.updates.add(type=p4.Update.MODIFY).entity.direct_counter_entry
    dce.table_entry.table_id = 0x02000003
    dce.data.byte_count = 2**63 - 1
    mg = w.updates.add(type=p4.Update.INSERT).entity.packet_replication_engine_entry.multicast_group_entry
    mg.multicast_group_id, mg.metadata = 1, b"\x01\x02"
    r = mg.replicas.add(port=bs(1), instance=1)
    r.backup_replicas.add(port=bs(2), instance=0)
    mg.replicas.add(egress_port=3, instance=0)
    cs = w.updates.add(type=p4.Update.INSERT).entity.packet_replication_engine_entry.clone_session_entry
    cs.session_id, cs.class_of_service, cs.packet_length_bytes = 5, 2, 128
    cs.replicas.add(port=bs(4), instance=7)
    vs = w.updates.add(type=p4.Update.MODIFY).entity.value_set_entry
    vs.value_set_id = 0x03000001
    vs.members.add().match.add(field_id=1).exact.value = bs(0x86DD)
    re_ = w.updates.add(type=p4.Update.MODIFY).entity.register_entry
    re_.register_id, re_.index.index = 0x16000001, 3
    re_.data.struct.members.add().bitstring = bs(5)
    re_.data.struct.members.add().bool = True
    re_.data.struct.members.add().enum = "RED"
    re_.data.struct.members.add().error = "NoError"
    re_.data.struct.members.add().enum_value = bs(2)
    re_.data.struct.members.add().varbit.bitstring, = (bs(3),)
    hdr = re_.data.struct.members.add().header
    hdr.is_valid = True
    hdr.bitstrings.extend([bs(1), bs(2)])
    union = re_.data.struct.members.add().header_union
    union.valid_header_name = "h"
    union.valid_header.is_valid = True
    re_.data.struct.members.add().header_stack.entries.add(is_valid=False)
    re_.data.struct.members.add().header_union_stack.entries.add(valid_header_name="")
    re_.data.struct.members.add().tuple.members.add().bitstring = b"\x00"
    de = w.updates.add(type=p4.Update.INSERT).entity.digest_entry
    de.digest_id = 0x17000001
    de.config.max_timeout_ns, de.config.max_list_size, de.config.ack_timeout_ns = 1000, 10, 2**40
    ee = w.updates.add(type=p4.Update.MODIFY).entity.extern_entry
    ee.extern_type_id, ee.extern_id = 0x81, 0x81000001
    ee.entry.Pack(p4.Error(canonical_code=code_pb2.NOT_FOUND, message="packed as an example"))
    w.updates.add(type=p4.Update.INSERT).entity.SetInParent()
    result.append(w)
    result.append(p4.WriteRequest(device_id=2))
    return result


def read_requests():
    r = p4.ReadRequest(device_id=1, role="sdn")
    te = r.entities.add().table_entry
    te.table_id = 0
    te.counter_data.SetInParent()
    te.meter_config.SetInParent()
    te.time_since_last_hit.SetInParent()
    r.entities.add().table_entry.SetInParent()
    r.entities.add().action_profile_member.SetInParent()
    r.entities.add().action_profile_group.action_profile_id = 0x11000001
    r.entities.add().meter_entry.index.SetInParent()
    r.entities.add().direct_meter_entry.table_entry.table_id = 0x02000003
    r.entities.add().counter_entry.counter_id = 0x12000001
    r.entities.add().direct_counter_entry.table_entry.table_id = 0x02000003
    r.entities.add().packet_replication_engine_entry.multicast_group_entry.SetInParent()
    r.entities.add().value_set_entry.value_set_id = 0x03000001
    r.entities.add().register_entry.register_id = 0x16000001
    r.entities.add().digest_entry.SetInParent()
    r.entities.add().extern_entry.extern_type_id = 0x81
    rr = p4.ReadResponse()
    e = table_entry(rr.entities.add().table_entry)
    e.time_since_last_hit.elapsed_ns = 12345
    e.is_const = True
    rr.entities.add().counter_entry.data.packet_count = 3
    return [r, rr, p4.ReadResponse()]


def p4info():
    info = p4info_pb2.P4Info()
    info.pkg_info.arch = "pna"
    info.pkg_info.name = "contract"
    t = info.tables.add()
    t.preamble.id, t.preamble.name, t.preamble.alias = 0x02000001, "MainControlImpl.ipv4", "ipv4"
    t.preamble.annotations.append("@brief(\"a table\")")
    mf = t.match_fields.add(id=1, name="hdr.ipv4.dst_addr", bitwidth=32)
    mf.match_type = p4info_pb2.MatchField.LPM
    t.action_refs.add(id=0x01000001)
    t.action_refs.add(id=0x01000002, scope=p4info_pb2.ActionRef.DEFAULT_ONLY)
    t.initial_default_action.action_id = 0x01000002
    t.size = 1024
    t.idle_timeout_behavior = p4info_pb2.Table.NOTIFY_CONTROL
    a = info.actions.add()
    a.preamble.id, a.preamble.name, a.preamble.alias = 0x01000001, "MainControlImpl.send", "send"
    a.params.add(id=1, name="port", bitwidth=32).type_name.name = "PortId_t"
    a2 = info.actions.add()
    a2.preamble.id, a2.preamble.name, a2.preamble.alias = 0x01000002, "MainControlImpl.drop", "drop"
    c = info.counters.add()
    c.preamble.id, c.preamble.name, c.preamble.alias = 0x12000001, "MainControlImpl.pkts", "pkts"
    c.spec.unit = p4info_pb2.CounterSpec.BOTH
    c.size = 64
    r = info.registers.add()
    r.preamble.id, r.preamble.name, r.preamble.alias = 0x16000001, "MainControlImpl.reg", "reg"
    r.type_spec.bitstring.bit.bitwidth = 32
    r.size = 16
    # type_info's maps are left out: the wheel's old-style generated code cannot build map entries under the
    # pure-python backend (TypeError in containers.py); the Swift tests cover typeInfo maps from p4c-style JSON.
    info.type_info.error.members.extend(["NoError", "PacketTooShort"])
    return info


def pipeline_messages():
    s = p4.SetForwardingPipelineConfigRequest(device_id=1, action=p4.SetForwardingPipelineConfigRequest.VERIFY_AND_COMMIT)
    s.election_id.SetInParent()
    s.config.p4info.CopyFrom(p4info())
    s.config.p4_device_config = b"struct h_t {\n\tbit<32> x\n}\n"
    s.config.cookie.SetInParent()
    g = p4.GetForwardingPipelineConfigRequest(device_id=1, response_type=p4.GetForwardingPipelineConfigRequest.COOKIE_ONLY)
    gr = p4.GetForwardingPipelineConfigResponse()
    gr.config.p4info.CopyFrom(p4info())
    gr.config.cookie.cookie = 42
    return [s, p4.SetForwardingPipelineConfigResponse(), g, gr, p4.GetForwardingPipelineConfigResponse(),
            p4.CapabilitiesRequest(device_id=1), p4.CapabilitiesResponse(p4runtime_api_version="1.5.0")]


def stream_messages():
    out = []
    a = p4.StreamMessageRequest()
    a.arbitration.device_id = 1
    a.arbitration.election_id.SetInParent()
    a.arbitration.role.name = "sdn"
    out.append(a)
    pk = p4.StreamMessageRequest()
    pk.packet.payload = bytes(range(60))
    pk.packet.metadata.add(metadata_id=1, value=bs(3))
    out.append(pk)
    ack = p4.StreamMessageRequest()
    ack.digest_ack.digest_id, ack.digest_ack.list_id = 0x17000001, 2**63
    out.append(ack)
    ra = p4.StreamMessageResponse()
    ra.arbitration.device_id = 1
    ra.arbitration.election_id.low = 5
    ra.arbitration.status.code = code_pb2.ALREADY_EXISTS
    ra.arbitration.status.message = "backup"
    out.append(ra)
    pin = p4.StreamMessageResponse()
    pin.packet.payload = b"\xff" * 14
    pin.packet.metadata.add(metadata_id=2, value=b"\x00")
    out.append(pin)
    d = p4.StreamMessageResponse()
    d.digest.digest_id, d.digest.list_id, d.digest.timestamp = 0x17000001, 1, 1_700_000_000_000_000_000
    d.digest.data.add().struct.members.add().bitstring = bs(0x001122334455)
    out.append(d)
    idle = p4.StreamMessageResponse()
    idle.idle_timeout_notification.timestamp = 99
    table_entry(idle.idle_timeout_notification.table_entry.add())
    out.append(idle)
    for details in ("packet_out", "digest_list_ack", "other"):
        e = p4.StreamMessageResponse()
        e.error.canonical_code = code_pb2.INVALID_ARGUMENT
        e.error.message = "bad " + details
        e.error.space, e.error.code = "swx-pna-p4rtd", 3
        getattr(e.error, details).SetInParent()
        out.append(e)
    e = p4.StreamMessageResponse()
    e.error.canonical_code = code_pb2.NOT_FOUND
    e.error.packet_out.packet_out.payload = b"x"
    out.append(e)
    return out


def statuses():
    st = status_pb2.Status(code=code_pb2.UNKNOWN, message="Write failure.")
    st.details.add().Pack(p4.Error(canonical_code=code_pb2.ALREADY_EXISTS, message="exists", space="s", code=17))
    st.details.add().Pack(p4.Error(canonical_code=code_pb2.OK))
    return [st, status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message="updates[0]: bad")]


def generate(path):
    messages = write_requests() + read_requests() + pipeline_messages() + stream_messages() + statuses()
    with open(path, "w") as out:
        for message in messages:
            name = message.DESCRIPTOR.full_name
            for preserve in (False, True):
                text = json_format.MessageToJson(message, preserving_proto_field_name=preserve, indent=None)
                out.write(json.dumps({"type": name, "json": text}) + "\n")


def check(path):
    failures = 0
    count = 0
    with open(path) as lines:
        for number, line in enumerate(lines, 1):
            record = json.loads(line)
            cls = TYPES[record["type"]]
            expected = json_format.Parse(record["json"], cls())
            try:
                ours = json_format.Parse(record["ours"], cls())
            except json_format.ParseError as error:
                print(f"line {number} ({record['type']}): json_format.Parse rejected our JSON: {error}")
                failures += 1
                continue
            if ours != expected:
                print(f"line {number} ({record['type']}): parsed message differs\n ours: {record['ours']}")
                failures += 1
            elif json_format.MessageToJson(ours, indent=None) != json_format.MessageToJson(expected, indent=None):
                print(f"line {number} ({record['type']}): re-printed JSON differs")
                failures += 1
            count += 1
    print(f"checked {count} messages, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("generate", "check"):
        sys.exit(__doc__)
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
    else:
        sys.exit(check(sys.argv[2]))
