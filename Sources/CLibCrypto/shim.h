// OpenSSL libcrypto, for SHA-256 and HMAC-SHA256 in AWS Signature Version 4.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
