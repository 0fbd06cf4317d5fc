/* bcryptprimitives.dll for wine 8 (Debian 12's), which lacks it: Rust's standard
 * library (1.78 and later) takes its random bytes from ProcessPrng in that DLL, which
 * every Windows 10 and 11 has, so without it no Rust program starts under wine. This
 * shim gives ProcessPrng over SystemFunction036 (RtlGenRandom, in advapi32), which
 * wine has. .ci/run builds it with mingw and puts it beside the .exe files it runs:
 *
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG piece = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        len -= piece;
    }
    return TRUE;
}
