#pragma once
/* libpcap for the Ports module: offline capture files (pcap and pcapng) in, classic pcap files out. */
#include <pcap/pcap.h>
