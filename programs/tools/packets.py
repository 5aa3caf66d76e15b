"""Packet building for the programs' conformance cases: Ethernet/IPv4/TCP/UDP with checksums computed from
scratch (never incrementally), so expected outputs are independent of the pipelines under test."""
import struct

def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def ip(text):
    return bytes(int(x) for x in text.split("."))

def mac(text):
    return bytes(int(x, 16) for x in text.split(":"))

def ipv4(src, dst, proto, payload, ident=0, ttl=64):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0, ip(src), ip(dst))
    c = csum(hdr)
    return hdr[:10] + struct.pack("!H", c) + hdr[12:] + payload

def l4(src, dst, proto, sport, dport, payload=b"", flags=0x10, udp_checksum=True, seq=1):
    pseudo_len = (20 if proto == 6 else 8) + len(payload)
    pseudo = ip(src) + ip(dst) + struct.pack("!BBH", 0, proto, pseudo_len)
    if proto == 6:
        seg = struct.pack("!HHIIBBHHH", sport, dport, seq, 0, 0x50, flags, 0x400, 0, 0) + payload
        c = csum(pseudo + seg)
        return seg[:16] + struct.pack("!H", c) + seg[18:]
    seg = struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    if not udp_checksum:
        return seg
    c = csum(pseudo + seg) or 0xffff
    return seg[:6] + struct.pack("!H", c) + seg[8:]

def packet(src, dst, proto, sport, dport, payload=b"", flags=0x10, dmac="00:00:00:00:00:02",
           smac="00:00:00:00:00:01", udp_checksum=True, ident=0):
    seg = l4(src, dst, proto, sport, dport, payload, flags, udp_checksum)
    return (mac(dmac) + mac(smac) + b"\x08\x00" + ipv4(src, dst, proto, seg, ident)).hex()

def check(hexpkt):
    """Asserts a packet built here has valid IPv4 and L4 checksums (used on expectations as a self-test)."""
    b = bytes.fromhex(hexpkt)
    iph = b[14:34]
    assert csum(iph) == 0, "bad IPv4 checksum"
    proto = iph[9]
    seg = b[34:]
    pseudo = iph[12:20] + struct.pack("!BBH", 0, proto, len(seg))
    if proto == 6 or (proto == 17 and seg[6:8] != b"\0\0"):
        assert csum(pseudo + seg) == 0, "bad L4 checksum"
    return hexpkt

def icmp_echo(src, dst, dmac="00:00:00:00:00:02", smac="00:00:00:00:00:01"):
    body = struct.pack("!BBHHH", 8, 0, 0, 1, 1)
    body = body[:2] + struct.pack("!H", csum(body)) + body[4:]
    return (mac(dmac) + mac(smac) + b"\x08\x00" + ipv4(src, dst, 1, body)).hex()
