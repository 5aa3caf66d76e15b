#include "httpshim.h"
#include <arpa/inet.h>
#include <string.h>
#include <netinet/in.h>

static size_t httpshim_keep_escaped(void *cls, struct MHD_Connection *connection, char *s) {
    (void)cls;
    (void)connection;
    return strlen(s);
}

struct MHD_Daemon *httpshim_start_daemon(unsigned int flags, const char *host, uint16_t port, int listen_fd,
                                         unsigned int thread_pool_size, unsigned int connection_timeout_s,
                                         size_t connection_memory_limit, int keep_url_escaped,
                                         MHD_AccessHandlerCallback handler, void *handler_cls,
                                         MHD_RequestCompletedCallback completed, void *completed_cls) {
    struct MHD_OptionItem ops[12];
    int n = 0;
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    if (listen_fd >= 0) {
        ops[n++] = (struct MHD_OptionItem){MHD_OPTION_LISTEN_SOCKET, listen_fd, NULL};
        if (host && strchr(host, ':')) flags |= MHD_USE_IPv6;
    } else if (host && *host) {
        memset(&v4, 0, sizeof v4);
        memset(&v6, 0, sizeof v6);
        if (inet_pton(AF_INET, host, &v4.sin_addr) == 1) {
            v4.sin_family = AF_INET;
            v4.sin_port = htons(port);
            ops[n++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, &v4};
        } else if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
            v6.sin6_family = AF_INET6;
            v6.sin6_port = htons(port);
            flags |= MHD_USE_IPv6;
            ops[n++] = (struct MHD_OptionItem){MHD_OPTION_SOCK_ADDR, 0, &v6};
        } else {
            return NULL;
        }
    }
    if (thread_pool_size > 1) ops[n++] = (struct MHD_OptionItem){MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size, NULL};
    if (completed) ops[n++] = (struct MHD_OptionItem){MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, completed_cls};
    if (connection_timeout_s) ops[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_s, NULL};
    if (connection_memory_limit) ops[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_MEMORY_LIMIT, (intptr_t)connection_memory_limit, NULL};
    if (keep_url_escaped) ops[n++] = (struct MHD_OptionItem){MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)httpshim_keep_escaped, NULL};
    ops[n++] = (struct MHD_OptionItem){MHD_OPTION_CONNECTION_LIMIT, 4096, NULL};
    ops[n] = (struct MHD_OptionItem){MHD_OPTION_END, 0, NULL};
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls, MHD_OPTION_ARRAY, ops, MHD_OPTION_END);
}

uint16_t httpshim_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}
