#pragma once
#include <microhttpd.h>
#include <stdint.h>

/* libmicrohttpd's daemon start and info calls are C variadics, which Swift cannot call.
 *
 * httpshim_start_daemon: listen_fd >= 0 hands MHD an already bound, listening socket (host then only selects
 * MHD's IPv6 mode); otherwise MHD binds host:port itself (host NULL or "" = any address).
 * keep_url_escaped != 0 installs an unescape callback that leaves the URL and query arguments exactly as sent
 * (MHD still turns '+' into ' ' in query arguments), so that the caller can split the path before
 * percent-decoding it. Returns NULL when MHD refuses to start. */
struct MHD_Daemon *httpshim_start_daemon(unsigned int flags, const char *host, uint16_t port, int listen_fd,
                                         unsigned int thread_pool_size, unsigned int connection_timeout_s,
                                         size_t connection_memory_limit, int keep_url_escaped,
                                         MHD_AccessHandlerCallback handler, void *handler_cls,
                                         MHD_RequestCompletedCallback completed, void *completed_cls);
uint16_t httpshim_bound_port(struct MHD_Daemon *daemon);
