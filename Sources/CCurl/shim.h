// Typed wrappers for libcurl's variadic calls (curl_easy_setopt, curl_easy_getinfo,
// curl_multi_setopt), one per argument kind, so Swift can call every option the project uses.
#ifndef FORA_CCURL_SHIM_H
#define FORA_CCURL_SHIM_H

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*fora_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*fora_curl_xferinfo_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow,
                                           curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode fora_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_data_callback(CURL *h, CURLoption o, fora_curl_data_callback v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode fora_easy_setopt_xferinfo_callback(CURL *h, CURLoption o, fora_curl_xferinfo_callback v) { return curl_easy_setopt(h, o, v); }

static inline CURLcode fora_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fora_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fora_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fora_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode fora_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode fora_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/// CURLVERSION_NOW is a macro Swift does not import.
static inline curl_version_info_data *fora_curl_version_info(void) { return curl_version_info(CURLVERSION_NOW); }

/// The CURLMsg union member Swift cannot reach by name.
static inline CURLcode fora_multi_msg_result(CURLMsg *m) { return m->data.result; }

#endif
