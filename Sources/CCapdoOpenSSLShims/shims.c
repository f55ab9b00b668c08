#include "CCapdoOpenSSLShims.h"

int CCapdoOpenSSLShims_SSL_set_min_proto_version(SSL *ssl, int version) { return (int)SSL_set_min_proto_version(ssl, version); }
int CCapdoOpenSSLShims_SSL_set_max_proto_version(SSL *ssl, int version) { return (int)SSL_set_max_proto_version(ssl, version); }
int CCapdoOpenSSLShims_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_min_proto_version(ctx, version); }
int CCapdoOpenSSLShims_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) { return (int)SSL_CTX_set_max_proto_version(ctx, version); }
long CCapdoOpenSSLShims_SSL_set_tlsext_host_name(SSL *ssl, const char *name) { return SSL_set_tlsext_host_name(ssl, name); }
int CCapdoOpenSSLShims_sk_X509_num(const STACK_OF(X509) *chain) { return sk_X509_num(chain); }
X509 *CCapdoOpenSSLShims_sk_X509_value(const STACK_OF(X509) *chain, int index) { return sk_X509_value(chain, index); }
// Frees the stack and drops a reference to every certificate in it (CMS_get1_certs hands out references).
void CCapdoOpenSSLShims_sk_X509_pop_free(STACK_OF(X509) *chain) { sk_X509_pop_free(chain, X509_free); }
int CCapdoOpenSSLShims_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }
const GENERAL_NAME *CCapdoOpenSSLShims_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index) { return sk_GENERAL_NAME_value(names, index); }
void CCapdoOpenSSLShims_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
void CCapdoOpenSSLShims_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }
long CCapdoOpenSSLShims_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
int CCapdoOpenSSLShims_X509_NAME_print_oneline(BIO *bio, const X509_NAME *name) {
    return X509_NAME_print_ex(bio, name, 0, (XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) | ASN1_STRFLGS_UTF8_CONVERT);
}
void CCapdoOpenSSLShims_SSL_CTX_set_probe_options(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | SSL_OP_LEGACY_SERVER_CONNECT | SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
}
