#pragma once
/* libcurl for the P4RTClient module's HTTP transport. curl_easy_setopt and curl_easy_getinfo are variadic, which
   Swift cannot call, so each argument type gets a typed inline wrapper. */
#include <curl/curl.h>

typedef size_t (*p4rt_curl_write_callback)(char *data, size_t size, size_t count, void *context);
typedef size_t (*p4rt_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode p4rt_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode p4rt_curl_set_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode p4rt_curl_set_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode p4rt_curl_set_write_function(CURL *handle, p4rt_curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode p4rt_curl_set_read_function(CURL *handle, p4rt_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode p4rt_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode p4rt_curl_get_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}
