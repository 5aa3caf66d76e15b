#!/usr/bin/env python3
"""Writes p4info/<prog>.p4info.txt, p4info/<prog>.p4info.json and programs/<prog>/context.json from the
program descriptions in descriptions.py, the way p4c-dpdk (--p4runtime-files, --context) lays them out.

Ids are p4c's: (prefix << 24) | (Jenkins one-at-a-time hash of the fully qualified name & 0xffffff).
Run from anywhere: python3 programs/tools/p4info_gen.py
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from descriptions import PROGRAMS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PREFIX = {"action": 0x01, "table": 0x02, "action_profile": 0x11, "counter": 0x12, "direct_counter": 0x13,
          "register": 0x16, "selection_table": 0x81}

def joaat(name):
    h = 0
    for c in name.encode():
        h = (h + c) & 0xffffffff; h = (h + (h << 10)) & 0xffffffff; h ^= h >> 6
    h = (h + (h << 3)) & 0xffffffff; h ^= h >> 11; h = (h + (h << 15)) & 0xffffffff
    return h

def pid(kind, name):
    return (PREFIX[kind] << 24) | (joaat(name) & 0xffffff)

def alias(name):
    return name.split(".")[-1]

def qual(prog, name):
    return name if name == "NoAction" else prog["control"] + "." + name

def round8(w):
    return (w + 7) // 8 * 8

# ---- P4Info as a plain tree (lists of (key, value)), printed as text format and as proto3 JSON -------------

def build_p4info(prog):
    tree = [("pkg_info", [("arch", "pna")])]
    actions = {a["name"]: a for a in prog["actions"]}
    for t in prog["tables"]:
        name = qual(prog, t["name"])
        fields = [("preamble", [("id", pid("table", name)), ("name", name), ("alias", alias(name))])]
        for i, (fname, width, kind, *rest) in enumerate(t["key"], 1):
            mf = [("id", i), ("name", fname), ("bitwidth", width), ("match_type", ("enum", kind.upper()))]
            if len(rest) > 1:
                mf.append(("type_name", [("name", rest[1])]))
            fields.append(("match_fields", mf))
        for aname, scope in t["actions"]:
            ref = [("id", pid("action", qual(prog, aname)))]
            if scope == "tableonly":
                ref += [("annotations", "@tableonly"), ("scope", ("enum", "TABLE_ONLY"))]
            elif scope == "defaultonly":
                ref += [("annotations", "@defaultonly"), ("scope", ("enum", "DEFAULT_ONLY"))]
            fields.append(("action_refs", ref))
        if t.get("const_default"):
            fields.append(("const_default_action_id", pid("action", qual(prog, t["default"]))))
        if t.get("selector"):
            fields.append(("implementation_id", pid("action_profile", qual(prog, t["selector"]["profile"]))))
        for dc in prog.get("direct_counters", []):
            if dc["table"] == t["name"]:
                fields.append(("direct_resource_ids", pid("direct_counter", qual(prog, dc["name"]))))
        fields.append(("size", t["size"]))
        tree.append(("tables", fields))
    for a in prog["actions"]:
        name = qual(prog, a["name"])
        fields = [("preamble", [("id", pid("action", name)), ("name", name), ("alias", alias(name))])]
        for i, p in enumerate(a["params"], 1):
            pf = [("id", i), ("name", p[0]), ("bitwidth", p[1])]
            if len(p) > 2:
                pf.append(("type_name", [("name", p[2])]))
            fields.append(("params", pf))
        tree.append(("actions", fields))
    for t in prog["tables"]:
        sel = t.get("selector")
        if not sel:
            continue
        name = qual(prog, sel["profile"])
        tree.append(("action_profiles", [
            ("preamble", [("id", pid("action_profile", name)), ("name", name), ("alias", alias(name))]),
            ("table_ids", pid("table", qual(prog, t["name"]))), ("with_selector", ("bool", True)),
            ("size", sel["size"]), ("max_group_size", sel["members"])]))
    for c in prog.get("counters", []):
        name = qual(prog, c["name"])
        tree.append(("counters", [("preamble", [("id", pid("counter", name)), ("name", name), ("alias", alias(name))]),
                                  ("spec", [("unit", ("enum", c["unit"]))]), ("size", c["size"])]))
    for c in prog.get("direct_counters", []):
        name = qual(prog, c["name"])
        tree.append(("direct_counters", [
            ("preamble", [("id", pid("direct_counter", name)), ("name", name), ("alias", alias(name))]),
            ("spec", [("unit", ("enum", c["unit"]))]), ("direct_table_id", pid("table", qual(prog, c["table"])))]))
    for r in prog.get("registers", []):
        name = qual(prog, r["name"])
        tree.append(("registers", [
            ("preamble", [("id", pid("register", name)), ("name", name), ("alias", alias(name))]),
            ("type_spec", [("bitstring", [("bit", [("bitwidth", r["width"])])])]), ("size", r["size"])]))
    if prog.get("port_type"):
        tree.append(("type_info", [("new_types", [("key", "PortId_t"), ("value", [("translated_type", [
            ("uri", "p4.org/pna/v1/PortId_t"), ("sdn_bitwidth", 32)])])])]))
    return tree

def text(tree, indent=0):
    out = []
    pad = "  " * indent
    for key, value in tree:
        if isinstance(value, list):
            out.append(f"{pad}{key} {{")
            out.append(text(value, indent + 1))
            out.append(f"{pad}}}")
        elif isinstance(value, tuple):
            out.append(f"{pad}{key}: {'true' if value[1] is True else value[1]}")
        elif isinstance(value, str):
            out.append(f'{pad}{key}: "{value}"')
        else:
            out.append(f"{pad}{key}: {value}")
    return "\n".join(line for line in out if line != "")

REPEATED = {"tables", "actions", "action_profiles", "counters", "direct_counters", "registers", "match_fields",
            "action_refs", "params", "table_ids", "direct_resource_ids", "annotations"}
INT64 = {"size", "max_group_size"}

def camel(key):
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)

def to_json(tree):
    obj = {}
    if tree and tree[0][0] == "key":  # a map entry of new_types
        pass
    for key, value in tree:
        if key == "new_types":
            entries = dict(value)
            obj.setdefault("newTypes", {})[entries["key"]] = to_json(entries["value"])
            continue
        if isinstance(value, list):
            v = to_json(value)
        elif isinstance(value, tuple):
            v = value[1]
        elif key in INT64:
            v = str(value)
        else:
            v = value
        if key in REPEATED:
            obj.setdefault(camel(key), []).append(v)
        else:
            obj[camel(key)] = v
    return obj

# ---- context.json ------------------------------------------------------------------------------------------

def context(prog):
    actions = {a["name"]: a for a in prog["actions"]}
    def action_entry(aname, scope, table, with_flags=True):
        a = actions[aname]
        spec_name = table.get("spec_actions", {}).get(aname, aname)
        entry = {"name": qual(prog, aname), "target_name": qual(prog, spec_name) if spec_name != "NoAction" else "NoAction",
                 "handle": pid("action", qual(prog, aname))}
        if with_flags:
            entry.update({"constant_default_action": bool(table.get("const_default")) and table["default"] == aname,
                          "is_compiler_added_action": False,
                          "allowed_as_hit_action": scope != "defaultonly",
                          "allowed_as_default_action": scope != "tableonly"})
        entry["p4_parameters"] = [{"name": p[0], "start_bit": 0, "bit_width": p[1], "position": i,
                                   "byte_array_index": 0} for i, p in enumerate(a["params"])]
        return entry
    tables, externs = [], []
    for t in prog["tables"]:
        name = qual(prog, t["name"])
        entry = {"name": name, "target_name": qual(prog, t.get("spec", t["name"])), "direction": "",
                 "handle": pid("table", name), "table_type": "match", "size": t["size"], "p4_hidden": False,
                 "add_on_miss": bool(t.get("add_on_miss")),
                 "idle_timeout_with_auto_delete": bool(t.get("add_on_miss")),
                 "stateful_table_refs": [], "statistics_table_refs": [], "meter_table_refs": []}
        sel = t.get("selector")
        if sel:
            profile = qual(prog, sel["profile"])
            entry["action_data_table_refs"] = [{"name": profile, "handle": pid("action_profile", profile)}]
            entry["selection_table_refs"] = [{"name": profile + "_sel", "handle": pid("selection_table", profile + "_sel")}]
            entry["action_profile"] = sel["profile"]
        entry["match_key_fields"] = []
        for pos, (fname, width, kind, *_rest) in enumerate(t["key"]):
            instance, _, field = fname.rpartition(".")
            entry["match_key_fields"].append({"name": fname, "instance_name": instance, "field_name": field,
                "match_type": kind.lower(), "start_bit": 0, "bit_width": width, "bit_width_full": width,
                "position": pos})
        entry["actions"] = [action_entry(a, s, t) for a, s in t["actions"]]
        entry["default_action_handle"] = pid("action", qual(prog, t["default"]))
        tables.append(entry)
        if sel:
            profile = qual(prog, sel["profile"])
            tables.append({"name": profile + "_sel", "target_name": profile + "_sel", "direction": "",
                           "handle": pid("selection_table", profile + "_sel"), "table_type": "selection",
                           "size": sel["size"], "p4_hidden": True, "add_on_miss": False,
                           "idle_timeout_with_auto_delete": False, "max_n_groups": sel["size"],
                           "max_n_members_per_group": sel["members"],
                           "bound_to_action_data_table_handle": pid("action_profile", profile)})
            tables.append({"name": profile, "target_name": profile, "direction": "",
                           "handle": pid("action_profile", profile), "table_type": "action",
                           "size": sel["size"], "p4_hidden": True, "add_on_miss": False,
                           "idle_timeout_with_auto_delete": False,
                           "actions": [action_entry(a, s, t, with_flags=False) for a, s in sel["actions"]],
                           "default_action_handle": pid("action", "NoAction")})
    for c in prog.get("counters", []):
        externs.append({"name": qual(prog, c["name"]), "target_name": c["name"] + "_0", "type": "Counter",
                        "attributes": {"type": c["unit"].lower().replace("both", "packets_and_bytes")}})
    for c in prog.get("direct_counters", []):
        externs.append({"name": qual(prog, c["name"]), "target_name": c["name"] + "_0", "type": "DirectCounter",
                        "attributes": {"type": c["unit"].lower().replace("both", "packets_and_bytes"),
                                       "table_id": pid("table", qual(prog, c["table"]))}})
    for r in prog.get("registers", []):
        externs.append({"name": qual(prog, r["name"]), "target_name": r["name"] + "_0", "type": "Register",
                        "attributes": {"type": "bit<%d>" % r["width"]}})
    return {"program_name": prog["name"], "build_date": "p4rtd hand-written",
            "compile_command": "p4c-dpdk --arch pna -o %s.spec --p4runtime-files %s.p4info.txt --context context.json %s.p4"
                               % (prog["name"], prog["name"], prog["name"]),
            "compiler_version": "hand-written in p4c-dpdk style (no compiler run)", "schema_version": "0.1",
            "target": "DPDK", "tables": tables, "externs": externs}

def main():
    for prog in PROGRAMS:
        tree = build_p4info(prog)
        name = prog["name"]
        with open(os.path.join(ROOT, "p4info", name + ".p4info.txt"), "w") as f:
            f.write("# P4Info of programs/%s/%s.p4 (generated by programs/tools/p4info_gen.py)\n" % (name, name))
            f.write(text(tree) + "\n")
        with open(os.path.join(ROOT, "p4info", name + ".p4info.json"), "w") as f:
            json.dump(to_json(tree), f, indent=2)
            f.write("\n")
        with open(os.path.join(ROOT, "programs", name, "context.json"), "w") as f:
            json.dump(context(prog), f, indent=1)
            f.write("\n")

if __name__ == "__main__":
    main()
