# Idle administration shells end after 5 minutes (cấp độ 2, mục 1.2.2: phiên quản trị).
readonly TMOUT=300
export TMOUT
