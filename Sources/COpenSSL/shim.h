// libcrypto from Debian's libssl-dev, for the RSA of User API Keys (ForaRSA): the system's
// OpenSSL instead of a vendored BoringSSL, so a release build compiles no crypto library.
// The wrappers below stand for macros Swift does not import.
#ifndef FORA_COPENSSL_SHIM_H
#define FORA_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

/// BIO_get_mem_data is a macro over BIO_ctrl.
static inline long fora_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

/// The key-part selections are compound macros.
static inline int fora_select_public_key(void) { return EVP_PKEY_PUBLIC_KEY; }
static inline int fora_select_key_pair(void) { return EVP_PKEY_KEYPAIR; }

#endif
