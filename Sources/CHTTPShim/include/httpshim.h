#pragma once
#include <microhttpd.h>
#include <stdint.h>

/* libmicrohttpd's daemon start and info calls are C variadics, which Swift cannot call.
 * These two functions are the only C the HTTP server needs. */
struct MHD_Daemon *httpshim_start_daemon(unsigned int flags, const char *host, uint16_t port,
                                         unsigned int thread_pool_size, unsigned int connection_timeout_s,
                                         size_t connection_memory_limit,
                                         MHD_AccessHandlerCallback handler, void *handler_cls,
                                         MHD_RequestCompletedCallback completed, void *completed_cls);
uint16_t httpshim_bound_port(struct MHD_Daemon *daemon);
