-- eMAG accounts set from the UI: stored credentials (password as AES-256-GCM ciphertext only),
-- per-account settings, and a version that instances compare to drop stale clients.
ALTER TABLE "emag_accounts" ADD COLUMN     "auto_acknowledge" BOOLEAN,
ADD COLUMN     "awb_pickup_address_id" TEXT,
ADD COLUMN     "awb_sender_name" TEXT,
ADD COLUMN     "awb_sender_phone" TEXT,
ADD COLUMN     "base_url" TEXT,
ADD COLUMN     "config_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "key_id" TEXT,
ADD COLUMN     "password_cipher" TEXT,
ADD COLUMN     "username" TEXT;
