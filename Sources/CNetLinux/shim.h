#pragma once
/* Linux packet-socket and TUN/TAP definitions that Glibc's Swift overlay does not import
 * (sockaddr_ll, ETH_P_ALL, IFF_TAP, and TUNSETIFF, a function-like macro). */
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <poll.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
static const unsigned long cn_TUNSETIFF = TUNSETIFF;
static const unsigned long cn_TUNSETPERSIST = TUNSETPERSIST;
