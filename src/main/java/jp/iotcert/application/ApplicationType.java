package jp.iotcert.application;

public enum ApplicationType { NEW, RENEWAL }
