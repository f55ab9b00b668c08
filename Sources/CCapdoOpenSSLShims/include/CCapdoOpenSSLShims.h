#ifndef CCAPDO_OPENSSL_SHIMS_H
#define CCAPDO_OPENSSL_SHIMS_H
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/cms.h>

// Swift imports only constant macros; these wrap OpenSSL's function-like macros (and composite flag
// macros) as real functions. One line each, prefixed with the module name.
int CCapdoOpenSSLShims_SSL_set_min_proto_version(SSL *ssl, int version);
int CCapdoOpenSSLShims_SSL_set_max_proto_version(SSL *ssl, int version);
int CCapdoOpenSSLShims_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version);
int CCapdoOpenSSLShims_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version);
long CCapdoOpenSSLShims_SSL_set_tlsext_host_name(SSL *ssl, const char *name);
int CCapdoOpenSSLShims_sk_X509_num(const STACK_OF(X509) *chain);
X509 *CCapdoOpenSSLShims_sk_X509_value(const STACK_OF(X509) *chain, int index);
void CCapdoOpenSSLShims_sk_X509_pop_free(STACK_OF(X509) *chain);
int CCapdoOpenSSLShims_sk_GENERAL_NAME_num(const GENERAL_NAMES *names);
const GENERAL_NAME *CCapdoOpenSSLShims_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index);
void CCapdoOpenSSLShims_GENERAL_NAMES_free(GENERAL_NAMES *names);
void CCapdoOpenSSLShims_OPENSSL_free(void *pointer);
long CCapdoOpenSSLShims_BIO_get_mem_data(BIO *bio, char **data);
// X509_NAME_print_ex with the flags `openssl x509 -subject` uses by default in 3.0 (oneline, UTF-8).
int CCapdoOpenSSLShims_X509_NAME_print_oneline(BIO *bio, const X509_NAME *name);
// SSL_OP_* are composite macros Swift cannot import: no session tickets, talk to legacy servers.
void CCapdoOpenSSLShims_SSL_CTX_set_probe_options(SSL_CTX *ctx);
#endif
